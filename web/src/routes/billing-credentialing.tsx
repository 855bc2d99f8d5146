import { RequireAccess } from '../app/RequireAccess.tsx';
import { CredentialingPage } from '../features/billing/CredentialingPage.tsx';

export default function Route() {
  return (
    <RequireAccess area="billing">
      <CredentialingPage />
    </RequireAccess>
  );
}
