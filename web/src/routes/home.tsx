import { HomePage } from '../features/home/HomePage.tsx';

export default function HomeRoute() {
  return <HomePage />;
}
