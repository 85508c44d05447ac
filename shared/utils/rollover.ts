// The rollover rule, stated once as the contract words it (the reference the
// API's single SQL statement is tested against): a category's carriedIn is the
// available amount of the category named exactly the same in the previous
// calendar month of the same budget when that one rolls over; else 0. Negative
// amounts carry too, and a missing month or name breaks the chain.

export interface RolloverMonth {
  year: number
  month: number
  categories: { name: string, rollover: boolean, budgeted: number, spent: number }[]
}

export interface Carried { carriedIn: number, available: number }

const key = (year: number, month: number) => year * 12 + (month - 1)

// Every category of every month given, keyed `${year}-${month}` then name.
export function carryOver(months: RolloverMonth[]): Map<string, Map<string, Carried>> {
  const byIndex = new Map(months.map(month => [key(month.year, month.month), month]))
  const memo = new Map<string, Carried>()

  function carried(index: number, name: string): Carried {
    const id = `${index}\u0000${name}`
    const known = memo.get(id)
    if (known) return known
    const category = byIndex.get(index)!.categories.find(c => c.name === name)!
    const previous = byIndex.get(index - 1)?.categories.find(c => c.name === name)
    const carriedIn = previous?.rollover ? carried(index - 1, name).available : 0
    const result = { carriedIn, available: carriedIn + category.budgeted - category.spent }
    memo.set(id, result)
    return result
  }

  // Oldest first, so that each step of a long chain is already known.
  const ordered = [...months].sort((a, b) => key(a.year, a.month) - key(b.year, b.month))
  return new Map(ordered.map(month => [
    `${month.year}-${month.month}`,
    new Map(month.categories.map(category => [category.name, carried(key(month.year, month.month), category.name)])),
  ]))
}
