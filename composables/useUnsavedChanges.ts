import type { InjectionKey, Ref } from 'vue'

const unsavedKey: InjectionKey<Ref<number>> = Symbol('unsaved changes')

// A page that says "All changes saved" counts the fields inside it that hold
// something not saved (an amount that could not be read), so it never says so falsely.
export function provideUnsavedChanges() {
  const count = ref(0)
  provide(unsavedKey, count)
  return readonly(count)
}

// A field tells the page whether it holds an unsaved change, for as long as it is shown.
export function reportUnsavedChange(unsaved: Ref<boolean>) {
  const count = inject(unsavedKey, undefined)
  if (!count) return
  watch(unsaved, (now, before) => {
    if (now !== !!before) count.value += now ? 1 : -1
  }, { immediate: true })
  onScopeDispose(() => {
    if (unsaved.value) count.value--
  })
}
