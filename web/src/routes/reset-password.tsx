import { useParams } from '@solidjs/router';
import { ResetPasswordPage } from '../features/auth/ResetPasswordPage.tsx';

export default function ResetPasswordRoute() {
  const params = useParams<{ token: string }>();
  return <ResetPasswordPage token={params.token} />;
}
