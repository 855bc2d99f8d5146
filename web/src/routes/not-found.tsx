import { A } from '@solidjs/router';
import { AuthLayout } from '../app/AuthLayout.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';

export default function NotFoundRoute() {
  return (
    <AuthLayout>
      <PageHeader title="Page not found" />
      <p>We couldn't find that page. It may have moved, or the address may have a typo.</p>
      <p>
        <A href="/app" class="link">
          Go to Rounds
        </A>
      </p>
    </AuthLayout>
  );
}
