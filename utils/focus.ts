// Where focus goes when a row leaves a list: the same control on the row after
// it, else on the row before it. Found before the row goes, focused after.
export function neighbourControl(control: Element, rowSelector: string): HTMLElement | undefined {
  const row = control.closest(rowSelector)
  const action = control.getAttribute('data-row-action')
  if (!row || !action) return undefined
  const rows = [...(row.parentElement?.querySelectorAll(`:scope > ${rowSelector}`) ?? [])]
  const index = rows.indexOf(row)
  const neighbour = rows[index + 1] ?? rows[index - 1]
  return neighbour?.querySelector<HTMLElement>(`[data-row-action="${action}"]`) ?? undefined
}

// Moves focus once the DOM shows the change (after an edit form closes, say).
export async function focusAfterRender(find: () => HTMLElement | null | undefined) {
  await nextTick()
  find()?.focus()
}

// A row's control, found by the row's id and the control's data-row-action.
export function rowControl(list: HTMLElement | null | undefined, rowId: string, action: string) {
  return list?.querySelector<HTMLElement>(`[data-row-id="${rowId}"] [data-row-action="${action}"]`)
}
