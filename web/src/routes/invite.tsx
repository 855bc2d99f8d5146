import { useParams } from '@solidjs/router';
import { InviteAcceptPage } from '../features/auth/InviteAcceptPage.tsx';

export default function InviteRoute() {
  const params = useParams<{ token: string }>();
  return <InviteAcceptPage token={params.token} />;
}
