import { NotFoundContent } from '../app/NotFoundContent.tsx';

export default function AppNotFoundRoute() {
  return <NotFoundContent />;
}
