interface UndoOffer {
  title: string
  description?: string
  undo: () => unknown
}

// A delete takes effect at once and offers to undo it while its toast is shown:
// the toast's button, or Ctrl/⌘+Z outside a text field (the layout's shortcut),
// so the keyboard never has to travel to the toast.
export function useUndo() {
  const toast = useToast()
  const { getKbdKey } = useKbd()
  const last = useState<{ toastId: string, undo: () => void } | null>('undo', () => null)

  function offerUndo(offer: UndoOffer) {
    const toastId = `undo-${crypto.randomUUID()}`
    let done = false
    const undo = () => {
      if (done) return
      done = true
      if (last.value?.toastId === toastId) last.value = null
      toast.remove(toastId)
      offer.undo()
    }
    last.value = { toastId, undo }
    const meta = getKbdKey('meta')
    toast.add({
      id: toastId,
      title: offer.title,
      description: offer.description,
      icon: 'i-lucide-trash-2',
      duration: 10_000,
      actions: [{ label: `Undo (${meta === 'Ctrl' ? 'Ctrl+' : meta}Z)`, icon: 'i-lucide-undo-2', onClick: () => undo() }],
    })
  }

  // The shortcut undoes the newest delete, only while its toast is still shown.
  function undoLast() {
    const offer = last.value
    if (!offer || !toast.toasts.value.some(shown => shown.id === offer.toastId && shown.open)) return false
    offer.undo()
    return true
  }

  return { offerUndo, undoLast }
}
