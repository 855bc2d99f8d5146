import { For } from 'solid-js';

export interface TabItem {
  id: string;
  label: string;
}

/**
 * An ARIA tablist: one tab in the Tab order, arrow keys / Home / End move between tabs
 * and select them. The panel is rendered by the caller with `tabPanelProps`.
 */
export function Tabs(props: {
  label: string;
  idPrefix: string;
  tabs: TabItem[];
  selected: string;
  onSelect: (id: string) => void;
  /** Lets the tabs wrap onto a second line instead of scrolling (many tabs on a phone). */
  wrap?: boolean;
}) {
  const tabRefs: Record<string, HTMLButtonElement> = {};
  const move = (e: KeyboardEvent, index: number) => {
    const n = props.tabs.length;
    const target =
      e.key === 'ArrowRight'
        ? (index + 1) % n
        : e.key === 'ArrowLeft'
          ? (index - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (target < 0) return;
    e.preventDefault();
    const tab = props.tabs[target];
    if (!tab) return;
    props.onSelect(tab.id);
    tabRefs[tab.id]?.focus();
  };
  return (
    <div class={props.wrap ? 'tabs tabs-wrap' : 'tabs'} role="tablist" aria-label={props.label}>
      <For each={props.tabs}>
        {(tab, i) => (
          <button
            ref={(el) => {
              tabRefs[tab.id] = el;
            }}
            type="button"
            role="tab"
            id={`${props.idPrefix}-tab-${tab.id}`}
            class="tab"
            aria-selected={props.selected === tab.id ? 'true' : 'false'}
            aria-controls={`${props.idPrefix}-panel-${tab.id}`}
            tabindex={props.selected === tab.id ? 0 : -1}
            onClick={() => props.onSelect(tab.id)}
            onKeyDown={(e) => move(e, i())}
          >
            {tab.label}
          </button>
        )}
      </For>
    </div>
  );
}

export function tabPanelProps(idPrefix: string, id: string) {
  return {
    role: 'tabpanel' as const,
    id: `${idPrefix}-panel-${id}`,
    'aria-labelledby': `${idPrefix}-tab-${id}`,
    tabindex: 0,
    class: 'tab-panel',
  };
}
