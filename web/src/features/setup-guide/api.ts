import type { SetupGuide } from '../../../../shared/schemas/setup-guide.ts';
import { api } from '../../lib/api.ts';

/** The guide's state, always read fresh: it reflects what the user just did on another page. */
export const fetchSetupGuide = () => api<SetupGuide>('/scheduling/setup-guide');
