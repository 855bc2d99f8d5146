import { A } from '@solidjs/router';
import { PageHeader } from '../components/ui/PageHeader.tsx';

export function NotFoundContent(props: { homeHref?: string }) {
  return (
    <div class="page">
      <PageHeader title="Page not found" />
      <div class="panel">
        <p>We couldn't find that page. It may have moved, or the address may have a typo.</p>
        <p>
          <A href={props.homeHref ?? '/app'} class="link">
            Go to your home page
          </A>
        </p>
      </div>
    </div>
  );
}
