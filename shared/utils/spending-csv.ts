// csv-stringify's browser build (the Node one needs Buffer); the page loads
// this module only when someone downloads.
import { stringify } from 'csv-stringify/browser/esm/sync'
import { formatMajorAmount } from './money'
import type { SpendingTableRow } from './reports'

// The table as CSV: a header of the months ("YYYY-MM"), amounts in major units
// with a point (as the month export writes them), a row per line of the table.
export function spendingCsv(months: string[], rows: SpendingTableRow[], decimals: number): string {
  const amount = (minor: number) => formatMajorAmount(minor, decimals)
  return stringify([['', ...months, 'Total'], ...rows.map(row => [row.label, ...row.values.map(amount), amount(row.total)])], { record_delimiter: 'windows' })
}
