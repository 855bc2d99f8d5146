import { revalidate } from '@solidjs/router';
import { ErrorBoundary, type JSX, Suspense } from 'solid-js';
import { errorMessage } from '../../lib/errors.ts';
import { Alert } from './Alert.tsx';
import { Button } from './Button.tsx';
import { Loading } from './Spinner.tsx';

/**
 * One part of a page that loads on its own: a spinner while it loads, and a failure there says so in
 * place, with a retry that revalidates the part's queries (`keys`), instead of taking the whole page down.
 */
export function LoadBoundary(props: { what: string; keys: string[]; children: JSX.Element }) {
  return (
    <ErrorBoundary
      fallback={(err, reset) => (
        <Alert title={`Couldn't load the ${props.what}`}>
          <p>{errorMessage(err)}</p>
          <Button
            size="sm"
            onClick={async () => {
              await revalidate(props.keys);
              reset();
            }}
          >
            Try again
          </Button>
        </Alert>
      )}
    >
      <Suspense fallback={<Loading label={`Loading the ${props.what}…`} />}>{props.children}</Suspense>
    </ErrorBoundary>
  );
}
