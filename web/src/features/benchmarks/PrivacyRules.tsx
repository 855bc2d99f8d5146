import { For } from 'solid-js';
import { Section } from '../../components/ui/PageHeader.tsx';

/** The privacy rules the rollup enforces, as the API states them, and how percentiles are computed. */
export function PrivacyRules(props: { rules: string[]; percentileDefinition: string }) {
  return (
    <Section
      title="How these figures are protected"
      id="bench-privacy"
      description="The rollup applies these rules before anything is stored; this page only shows what passed them."
    >
      <ul class="bench-rules">
        <For each={props.rules}>{(rule) => <li>{rule}</li>}</For>
      </ul>
      <p class="small muted bench-method">
        <strong>Percentiles.</strong> {props.percentileDefinition}
      </p>
    </Section>
  );
}
