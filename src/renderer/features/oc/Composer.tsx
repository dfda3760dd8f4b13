import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import type { OcDetail } from '../../../shared/api/views';
import { useOc, useServices, useSession, useT } from '../../app/services';
import { Button } from '../../components/Button';
import { FormError } from '../../components/Field';
import { Icon } from '../../components/icons';
import { MenuButton } from '../../components/Menu';
import { useOcAction } from './dialogs/use-oc-action';
import { AttachButton } from '../attachments/AttachButton';
import { useFileIntake } from '../attachments/file-intake';
import { FileChips } from '../attachments/FileChips';
import { useDraftFiles } from '../attachments/use-attachments';
import { fillTemplate, nextPlaceholder, REPLY_TEMPLATES, type TemplateValues } from './templates';
import { useDraft } from './use-draft';

export type ComposerMode = 'public' | 'note';

export interface ComposerHandle {
  focus(mode: ComposerMode): void;
  insert(text: string): void;
}

/**
 * Public reply or internal note. What is typed is a draft per OC and mode, kept across navigation and reloads;
 * it is cleared only when the core has accepted the interaction. Typing a public reply tells the other analysts
 * on this OC that I am replying (collision notice).
 */
export const Composer = forwardRef<ComposerHandle, { detail: OcDetail; canReply: boolean; replyBlockedReason: string | null }>(
  ({ detail, canReply, replyBlockedReason }, ref) => {
    const { t, lang } = useT();
    const { oc } = useServices();
    const ocId = detail.oc.id;
    const [mode, setMode] = useState<ComposerMode>(canReply ? 'public' : 'note');
    const [reply, setReply, clearReply] = useDraft(`oc:${ocId}:reply`, '');
    const [note, setNote, clearNote] = useDraft(`oc:${ocId}:note`, '');
    const area = useRef<HTMLTextAreaElement>(null);
    const { run, error, setError } = useOcAction();
    const busy = useOc((s) => s.busy === 'oc.reply' || s.busy === 'oc.note');
    const files = useDraftFiles(ocId, lang);
    const text = mode === 'public' ? reply : note;
    const setText = mode === 'public' ? setReply : setNote;
    const myName = useSession((s) => s.analyst?.name ?? '');
    const contact = detail.customer.contacts.find((c) => c.id === detail.oc.contactId);
    const values: TemplateValues = {
      cliente: detail.customer.customer.name,
      contato: contact === undefined ? null : (contact.name.split(/\s+/)[0] ?? contact.name),
      analista: myName,
      oc: detail.displayNumber,
      versao: detail.oc.targetVersion,
    };
    /** Selects the next [placeholder] from `from` in the text area; false when none is left. */
    const selectPlaceholder = (value: string, from: number): boolean => {
      const next = nextPlaceholder(value, from);
      const el = area.current;
      if (next === null || el === null) return false;
      el.focus();
      el.setSelectionRange(next.start, next.end);
      return true;
    };
    const insertTemplate = (body: string): void => {
      const filled = fillTemplate(body, values);
      const start = reply.trim() === '' ? 0 : reply.trimEnd().length + 2;
      const next = reply.trim() === '' ? filled : `${reply.trimEnd()}\n\n${filled}`;
      setReply(next);
      // The first thing to fill is selected: type over it, Tab to the next.
      requestAnimationFrame(() => selectPlaceholder(next, start) || area.current?.focus());
    };

    useImperativeHandle(ref, () => ({
      focus: (next) => {
        setMode(next);
        requestAnimationFrame(() => area.current?.focus());
      },
      insert: (body) => {
        setMode('public');
        setReply(reply.trim() === '' ? body : `${reply.trimEnd()}\n\n${body}`);
        requestAnimationFrame(() => area.current?.focus());
      },
    }));

    const send = async (): Promise<void> => {
      if (text.trim() === '') return setError(t('composer.empty'));
      if (files.reading) return setError(t('att.waitReading'));
      const attachmentIds = files.ids;
      if (mode === 'public') {
        if (await run('oc.reply', { ocId, body: text.trim(), attachmentIds }, 'action.done.reply')) {
          clearReply();
          files.clear();
          oc.getState().setActivity('viewing');
        }
      } else if (await run('oc.note', { ocId, body: text.trim(), attachmentIds }, 'action.done.note')) {
        clearNote();
        files.clear();
      }
    };
    // Files come by the button, by drag and drop, or pasted (a screenshot from the clipboard).
    const { dropping, dropHandlers, onPaste } = useFileIntake(files.add);
    const publicBlocked = mode === 'public' && !canReply;

    return (
      <div
        className={`composer composer-${mode}${dropping ? ' is-dropping' : ''}`}
        data-testid="composer"
        {...dropHandlers}
      >
        {dropping ? <div className="att-dropzone" aria-hidden="true">{t('att.drop')}</div> : null}
        <div className="composer-tabs" role="tablist">
          <button type="button" role="tab" aria-selected={mode === 'public'} className={`composer-tab${mode === 'public' ? ' is-active' : ''}`} onClick={() => setMode('public')} data-testid="composer-public">
            <Icon name="globe" size={14} /> {t('composer.public')}
          </button>
          <button type="button" role="tab" aria-selected={mode === 'note'} className={`composer-tab${mode === 'note' ? ' is-active' : ''}`} onClick={() => setMode('note')} data-testid="composer-note">
            <Icon name="lock" size={14} /> {t('composer.note')}
          </button>
          <span className="composer-hint" title={mode === 'public' ? t('composer.publicHint') : t('composer.noteHint')}>{mode === 'public' ? t('composer.publicHint') : t('composer.noteHint')}</span>
          <div className="spacer" />
          {mode === 'public' ? (
            <MenuButton
              label={t('composer.templates')}
              icon="note"
              align="right"
              testId="templates"
              focusAfterPick="item"
              items={REPLY_TEMPLATES.map((tpl) => ({
                id: tpl.id,
                label: t(`template.${tpl.id}`),
                onSelect: () => insertTemplate(tpl.body),
              }))}
            />
          ) : null}
        </div>
        <textarea
          ref={area}
          className="composer-input"
          value={text}
          placeholder={publicBlocked ? replyBlockedReason ?? t('composer.takeFirst') : mode === 'public' ? t('composer.placeholderPublic') : t('composer.placeholderNote')}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
            if (mode === 'public') oc.getState().setActivity(e.target.value.trim() === '' ? 'viewing' : 'replying');
          }}
          onBlur={() => oc.getState().setActivity('viewing')}
          onKeyDown={(e) => {
            // Tab goes from one [placeholder] to the next while any is left; then it leaves the field as usual.
            if (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey && selectPlaceholder(text, e.currentTarget.selectionEnd)) {
              e.preventDefault();
              return;
            }
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              if (!publicBlocked) void send();
            }
            if (e.key === 'Escape') area.current?.blur();
          }}
          onPaste={onPaste}
          aria-label={mode === 'public' ? t('composer.public') : t('composer.note')}
          data-testid="composer-input"
        />
        <FileChips files={files.files} onRemove={files.remove} />
        <div className="composer-foot">
          <AttachButton onFiles={files.add} testId="composer" />
          <FormError message={error ?? (publicBlocked && text.trim() !== '' ? replyBlockedReason : null)} />
          <div className="spacer" />
          {text.trim() === '' ? null : <span className="faint composer-saved">{t('composer.saved')}</span>}
          <Button variant="primary" icon={mode === 'public' ? 'send' : 'lock'} shortcut="Ctrl Enter" busy={busy} disabled={publicBlocked} onClick={() => void send()} data-testid="composer-send">
            {mode === 'public' ? t('composer.send') : t('composer.addNote')}
          </Button>
        </div>
      </div>
    );
  },
);
Composer.displayName = 'Composer';
