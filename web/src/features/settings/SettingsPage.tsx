import { createAsync, useSearchParams } from '@solidjs/router';
import { Match, Show, Switch } from 'solid-js';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Loading } from '../../components/ui/Spinner.tsx';
import { type TabItem, Tabs, tabPanelProps } from '../../components/ui/Tabs.tsx';
import { getTenant } from './api.ts';
import { BrandingForm } from './BrandingForm.tsx';
import { LocationsPanel } from './LocationsPanel.tsx';
import { ProfileForm } from './ProfileForm.tsx';

const PREFIX = 'settings';

export function SettingsPage() {
  const tenant = createAsync(() => getTenant());
  const [params, setParams] = useSearchParams<{ tab?: string }>();
  const tabs = (): TabItem[] => {
    const list: TabItem[] = [
      { id: 'profile', label: 'Profile' },
      { id: 'branding', label: 'Branding' },
    ];
    if (tenant.latest?.kind === 'practice') list.push({ id: 'locations', label: 'Locations' });
    return list;
  };
  const selected = () => {
    const wanted = params.tab ?? 'profile';
    return tabs().some((t) => t.id === wanted) ? wanted : 'profile';
  };
  return (
    <div class="page">
      <PageHeader
        title="Settings"
        description={
          tenant.latest?.kind === 'association'
            ? "Your association's profile, and the logo and color your team sees in Rounds."
            : "Your practice's profile, branding for printed materials, and locations."
        }
      />
      <Show when={tenant.latest} fallback={<Loading />}>
        {(t) => (
          <>
            <Tabs
              label="Settings sections"
              idPrefix={PREFIX}
              tabs={tabs()}
              selected={selected()}
              onSelect={(id) => setParams({ tab: id === 'profile' ? undefined : id }, { replace: true })}
            />
            <div {...tabPanelProps(PREFIX, selected())}>
              <Switch>
                <Match when={selected() === 'profile'}>
                  <ProfileForm tenant={t()} />
                </Match>
                <Match when={selected() === 'branding'}>
                  <BrandingForm tenant={t()} />
                </Match>
                <Match when={selected() === 'locations'}>
                  <LocationsPanel />
                </Match>
              </Switch>
            </div>
          </>
        )}
      </Show>
    </div>
  );
}
