// Whether a dialog has been opened yet. A dialog rendered only from then on
// (<LazyUModal v-if="opened">, or a lazy dialog component) loads its code when
// first opened instead of with every page that could open it, and stays mounted
// afterwards, so that it still closes with its animation.
export function useOpenedOnce(open: () => boolean) {
  const opened = ref(open())
  watch(open, (isOpen) => {
    if (isOpen) opened.value = true
  })
  return readonly(opened)
}
