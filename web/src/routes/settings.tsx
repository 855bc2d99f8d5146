import { RequireAccess } from '../app/RequireAccess.tsx';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';

export default function SettingsRoute() {
  return (
    <RequireAccess area="settings">
      <SettingsPage />
    </RequireAccess>
  );
}
