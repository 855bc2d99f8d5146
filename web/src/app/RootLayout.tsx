import { type RouteSectionProps, useLocation, useNavigate } from '@solidjs/router';
import { ErrorBoundary, Suspense } from 'solid-js';
import { Button } from '../components/ui/Button.tsx';
import { ConfirmHost } from '../components/ui/Dialog.tsx';
import { Loading } from '../components/ui/Spinner.tsx';
import { ToastHost, toast } from '../components/ui/Toast.tsx';
import { setSessionEndedHandler } from '../lib/api.ts';
import { clearSession } from './session.ts';

/** Wraps every page: skip link, the loading fallback, an error page, toasts and the confirm dialog. */
export function RootLayout(props: RouteSectionProps) {
  const navigate = useNavigate();
  const location = useLocation();
  setSessionEndedHandler(() => {
    clearSession();
    if (location.pathname.startsWith('/app')) {
      toast.info('Your session ended. Sign in again to continue.');
      navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    }
  });
  const skipToContent = (e: MouseEvent) => {
    const main = document.getElementById('main');
    if (!main) return;
    e.preventDefault();
    main.focus();
    main.scrollIntoView();
  };
  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: a real in-page link; the handler only moves focus, which the router's hash handling does not */}
      <a href="#main" class="skip-link" onClick={skipToContent}>
        Skip to content
      </a>
      <ErrorBoundary
        fallback={(err, reset) => (
          <main id="main" tabindex="-1" class="page-center">
            <div class="panel">
              <h1>Something went wrong</h1>
              <p>{err instanceof Error ? err.message : 'An unexpected error occurred.'}</p>
              <Button variant="primary" onClick={reset}>
                Try again
              </Button>
            </div>
          </main>
        )}
      >
        <Suspense
          fallback={
            <main id="main" tabindex="-1" class="page-center">
              <Loading />
            </main>
          }
        >
          {props.children}
        </Suspense>
      </ErrorBoundary>
      <ToastHost />
      <ConfirmHost />
    </>
  );
}
