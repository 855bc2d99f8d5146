import { useParams } from '@solidjs/router';
import { ReminderLinkPage } from '../features/reminders/ReminderLinkPage.tsx';

export default function ReminderRoute() {
  const params = useParams<{ token: string }>();
  return <ReminderLinkPage token={params.token} />;
}
