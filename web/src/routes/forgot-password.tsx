import { ForgotPasswordPage } from '../features/auth/ForgotPasswordPage.tsx';

export default function ForgotPasswordRoute() {
  return <ForgotPasswordPage />;
}
