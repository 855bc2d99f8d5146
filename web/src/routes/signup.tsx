import { SignupPage } from '../features/auth/SignupPage.tsx';

export default function SignupRoute() {
  return <SignupPage />;
}
