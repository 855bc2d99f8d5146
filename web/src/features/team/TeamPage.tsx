import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { InvitesSection } from './InvitesSection.tsx';
import { MembersSection } from './MembersSection.tsx';

export function TeamPage() {
  return (
    <div class="page">
      <PageHeader
        title="Team"
        description="Who can sign in, with which role. Changes are recorded in the audit log."
      />
      <div class="stack-lg">
        <MembersSection />
        <InvitesSection />
      </div>
    </div>
  );
}
