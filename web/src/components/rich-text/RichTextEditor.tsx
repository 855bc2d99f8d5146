import { createSignal, createUniqueId, For, onCleanup, onMount, Show } from 'solid-js';
import type { DocBlock } from '../../../../shared/documents/doc-blocks.ts';
import { Button } from '../ui/Button.tsx';
import { blocksToHtml, htmlToBlocks } from './html-blocks.ts';
import './rich-text.css';

interface RichTextEditorProps {
  label: string;
  /** The text to start from; later changes come from the user and go out through `onChange`. */
  initial: readonly DocBlock[];
  onChange: (blocks: DocBlock[]) => void;
  error?: string;
}

const BLOCK_STYLES = [
  { value: 'p', label: 'Paragraph' },
  { value: 'h1', label: 'Heading 1' },
  { value: 'h2', label: 'Heading 2' },
  { value: 'h3', label: 'Heading 3' },
] as const;

const NEW_TABLE = blocksToHtml([
  {
    kind: 'table',
    rows: [
      [[{ text: 'Column 1' }], [{ text: 'Column 2' }], [{ text: 'Column 3' }]],
      [[{ text: ' ' }], [{ text: ' ' }], [{ text: ' ' }]],
    ],
  },
]);

/**
 * The document editor: headings, paragraphs, bold, italics, links, lists and tables, stored as blocks
 * (shared/documents/doc-blocks.ts). Pasted text keeps only what blocks can hold, so text pasted from a
 * word processor arrives clean.
 */
export function RichTextEditor(props: RichTextEditorProps) {
  const id = createUniqueId();
  let area: HTMLDivElement | undefined;
  let saved: Range | undefined;
  const [linking, setLinking] = createSignal(false);
  const [href, setHref] = createSignal('https://');
  const [linkError, setLinkError] = createSignal('');

  const emit = () => area && props.onChange(htmlToBlocks(area));
  // Where the caret was in the text: the style menu takes focus, and focusing the text again would
  // put the caret at its start, so a command restores it first.
  let caret: Range | undefined;
  const rememberCaret = () => {
    const selection = window.getSelection();
    const range = selection?.rangeCount ? selection.getRangeAt(0) : undefined;
    if (range && area?.contains(range.commonAncestorContainer)) caret = range.cloneRange();
  };
  const run = (command: string, value?: string) => {
    area?.focus();
    if (caret) {
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(caret);
    }
    document.execCommand(command, false, value);
    emit();
  };
  const keepSelection = (e: MouseEvent) => e.preventDefault();

  onMount(() => {
    document.addEventListener('selectionchange', rememberCaret);
    onCleanup(() => document.removeEventListener('selectionchange', rememberCaret));
    if (!area) return;
    area.innerHTML = blocksToHtml(props.initial);
    document.execCommand('defaultParagraphSeparator', false, 'p');
  });

  const onPaste = (e: ClipboardEvent) => {
    const html = e.clipboardData?.getData('text/html');
    if (!html) return;
    e.preventDefault();
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    run('insertHTML', blocksToHtml(htmlToBlocks(parsed.body)));
  };

  const startLink = () => {
    const selection = window.getSelection();
    saved = selection?.rangeCount ? selection.getRangeAt(0).cloneRange() : undefined;
    setLinkError('');
    setLinking(true);
  };
  const addLink = () => {
    if (!/^(https:\/\/|mailto:)\S+$/.test(href())) {
      setLinkError('Use an address that starts with https:// or mailto:');
      return;
    }
    area?.focus();
    if (saved) {
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(saved);
    }
    if (saved?.collapsed) run('insertHTML', `<a href="${href().replace(/"/g, '&quot;')}">${href()}</a>`);
    else run('createLink', href());
    setLinking(false);
  };

  return (
    <div class={`field rich-text${props.error ? ' field-invalid' : ''}`}>
      <span id={`${id}-label`} class="field-label">
        {props.label}
      </span>
      <div class="rich-text-toolbar" role="toolbar" aria-label={`Formatting for ${props.label}`}>
        <select
          aria-label="Text style"
          class="rich-text-style"
          onChange={(e) => run('formatBlock', e.currentTarget.value)}
        >
          <For each={BLOCK_STYLES}>{(s) => <option value={s.value}>{s.label}</option>}</For>
        </select>
        <button
          type="button"
          class="rich-text-btn"
          aria-label="Bold"
          onMouseDown={keepSelection}
          onClick={() => run('bold')}
        >
          <strong>B</strong>
        </button>
        <button
          type="button"
          class="rich-text-btn"
          aria-label="Italic"
          onMouseDown={keepSelection}
          onClick={() => run('italic')}
        >
          <em>I</em>
        </button>
        <button
          type="button"
          class="rich-text-btn"
          onMouseDown={keepSelection}
          onClick={() => run('insertUnorderedList')}
        >
          • List
        </button>
        <button
          type="button"
          class="rich-text-btn"
          onMouseDown={keepSelection}
          onClick={() => run('insertOrderedList')}
        >
          1. List
        </button>
        <button type="button" class="rich-text-btn" onMouseDown={keepSelection} onClick={startLink}>
          Link
        </button>
        <button
          type="button"
          class="rich-text-btn"
          onMouseDown={keepSelection}
          onClick={() => run('insertHTML', NEW_TABLE)}
        >
          Table
        </button>
      </div>
      <Show when={linking()}>
        <div class="rich-text-link">
          <label for={`${id}-href`}>Link address</label>
          <input
            id={`${id}-href`}
            class="input"
            value={href()}
            onInput={(e) => setHref(e.currentTarget.value)}
          />
          <Button size="sm" variant="primary" onClick={addLink}>
            Add link
          </Button>
          <Button size="sm" onClick={() => setLinking(false)}>
            Cancel
          </Button>
          <Show when={linkError()}>
            <p class="field-error">{linkError()}</p>
          </Show>
        </div>
      </Show>
      {/* biome-ignore lint/a11y/useSemanticElements: rich text needs contenteditable; a textarea holds plain text only */}
      <div
        ref={area}
        class="rich-text-area"
        contentEditable
        tabIndex={0}
        role="textbox"
        aria-multiline="true"
        aria-labelledby={`${id}-label`}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onInput={emit}
        onPaste={onPaste}
      />
      <Show when={props.error}>
        <p id={`${id}-error`} class="field-error">
          <span aria-hidden="true">! </span>
          {props.error}
        </p>
      </Show>
    </div>
  );
}
