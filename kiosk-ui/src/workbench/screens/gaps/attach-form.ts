import { el } from '../../../shared/dom.js';
import { api, describeError } from '../../api/client.js';
import { titleText, type EntrySummary, type GapGroup } from '../../api/types.js';
import { s } from '../../i18n/strings.js';
import { can } from '../../session.js';
import { announce } from '../../ui/announce.js';
import { checkbox, input, labelled, messageArea, uniqueId } from '../../ui/widgets.js';

/**
 * "Gắn làm cách gọi khác": pick the entry (the suggestions, or a search over /knowledge/entries?q=), edit the
 * aliases prefilled from the group's questions, optionally publish at once (approvers), then POST /gaps/attach.
 */
export function renderAttachForm(group: GapGroup, onDone: (text: string) => void, onCancel: () => void): HTMLElement {
  const form = el('form', 'attach');
  form.noValidate = true;
  let chosen: { id: string; title: string } | undefined;

  // Choosing the entry: radio buttons, so the choice is one keyboard-reachable group.
  const entryBox = el('fieldset', 'group');
  entryBox.append(el('legend', undefined, s.gaps.chooseEntry));
  const chosenLine = el('p', 'chosen', s.gaps.noneChosen);
  chosenLine.setAttribute('aria-live', 'polite');
  const options = el('div', 'entry-options');
  const radioName = uniqueId('entry');
  const showOptions = (entries: { id: string; title: string }[]) => {
    options.replaceChildren(
      ...entries.map((entry) => {
        const radio = input(radioName, 'radio', entry.id);
        radio.id = uniqueId('opt');
        radio.checked = chosen?.id === entry.id;
        radio.addEventListener('change', () => {
          chosen = entry;
          chosenLine.textContent = s.gaps.chosen(entry.title);
        });
        const label = el('label', undefined, `${entry.title} (${entry.id})`);
        label.htmlFor = radio.id;
        const wrap = el('div', 'check');
        wrap.append(radio, label);
        return wrap;
      }),
    );
  };
  const suggested = group.suggestions.map((sug) => ({ id: sug.id, title: titleText(sug.title, sug.id) }));
  // The closest entry is the usual answer: chosen already, the official changes it only when it is wrong. The server
  // sends only entries above the chat's relevance floor; with none, nothing is chosen and the official searches.
  if (suggested[0]) {
    chosen = suggested[0];
    chosenLine.textContent = s.gaps.chosen(suggested[0].title);
  }
  showOptions(suggested);
  if (suggested.length === 0) options.append(el('p', 'muted no-suggestion', s.gaps.noSuggestion));
  const search = input('entry-q', 'search');
  const searchButton = el('button', 'btn small', s.entries.find);
  searchButton.type = 'button';
  const runSearch = async () => {
    try {
      const page = await api.get<{ entries: EntrySummary[] }>('/knowledge/entries', { q: search.value.trim(), limit: 10 });
      showOptions(page.entries.map((entry) => ({ id: entry.id, title: titleText(entry.title, entry.id) })));
      announce(s.entries.found(page.entries.length));
    } catch (error) {
      message.show(describeError(error), 'error');
    }
  };
  searchButton.addEventListener('click', () => void runSearch());
  // Enter in the search box searches rather than submitting the whole form.
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void runSearch();
    }
  });
  const searchRow = el('div', 'inline');
  searchRow.append(labelled(s.gaps.searchEntry, search), searchButton);
  entryBox.append(searchRow, options, chosenLine);

  // The aliases, one input per line, prefilled from the questions (trimmed, without duplicates).
  const aliasBox = el('fieldset', 'group');
  aliasBox.append(el('legend', undefined, s.gaps.aliases));
  const aliasList = el('ol', 'rows');
  const addAlias = (text: string) => {
    const li = el('li', 'row');
    const field = input('alias', 'text', text);
    field.maxLength = 200;
    const remove = el('button', 'btn small danger', `✕ ${s.editor.remove}`);
    remove.type = 'button';
    li.append(labelled(s.gaps.alias(aliasList.children.length + 1), field), remove);
    remove.addEventListener('click', () => {
      const next = (li.nextElementSibling ?? li.previousElementSibling) as HTMLElement | null;
      li.remove();
      relabel();
      (next?.querySelector('input') ?? addButton).focus();
    });
    aliasList.append(li);
    return field;
  };
  const relabel = () => {
    [...aliasList.children].forEach((li, index) => {
      const label = li.querySelector('label');
      if (label) label.textContent = s.gaps.alias(index + 1);
      li.querySelector('button')?.setAttribute('aria-label', `${s.editor.remove} ${s.gaps.alias(index + 1).toLowerCase()}`);
    });
  };
  const seen = new Set<string>();
  for (const q of group.questions) {
    const text = q.question.trim().replace(/[?？!.]+$/, '').toLowerCase();
    if (text && !seen.has(text)) {
      seen.add(text);
      addAlias(text);
    }
  }
  relabel();
  const addButton = el('button', 'btn small', `+ ${s.gaps.addAlias}`);
  addButton.type = 'button';
  addButton.addEventListener('click', () => {
    const field = addAlias('');
    relabel();
    field.focus();
  });
  aliasBox.append(aliasList, addButton);

  const publish = checkbox('publish', s.gaps.publishNow);
  const message = messageArea();
  const submit = el('button', 'btn primary', s.gaps.submit);
  submit.type = 'submit';
  const cancel = el('button', 'btn', s.cancel);
  cancel.type = 'button';
  cancel.addEventListener('click', onCancel);
  const actions = el('div', 'actions');
  actions.append(submit, cancel);
  form.append(entryBox, aliasBox);
  if (can('approver')) form.append(publish.wrap);
  form.append(message.node, actions);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const aliases = [...aliasList.querySelectorAll('input')].map((i) => i.value.trim()).filter(Boolean);
    if (!chosen) return message.show(s.gaps.needEntry, 'error');
    if (aliases.length === 0) return message.show(s.gaps.needAlias, 'error');
    submit.disabled = true;
    try {
      const wantPublish = can('approver') && publish.box.checked;
      const result = await api.post<{ published?: boolean }>('/gaps/attach', { gapIds: group.gapIds, entryId: chosen.id, aliases, publish: wantPublish });
      onDone(result.published ? s.gaps.attachedPublished : s.gaps.attachedDraft);
    } catch (error) {
      message.show(describeError(error), 'error');
      submit.disabled = false;
    }
  });
  return form;
}
