// ISO 20022 camt.053 (bank to customer statement): each booked entry (Ntry,
// status BOOK) is a line. Its bank id is the statement's account and the
// bank's reference for the entry; its text the counterparty's name and the
// remittance lines, else the entry's additional information.
import { AMOUNT_MESSAGE, BANK_ID_MESSAGE, badLine, bankAmount, bankIdOf, joinDescription, lineCounter, realDay, unreadable, type StatementLine, type StatementResult } from './lines'
import { MAX_IMPORT_ROWS } from '../transactions-csv'
import { attribute, child, children, parseXml, startOf, textOf, type XmlNode } from './xml'

const counterparty = (details: XmlNode, side: 'Dbtr' | 'Cdtr') => textOf(child(details, 'RltdPties', side, 'Pty', 'Nm')) ?? textOf(child(details, 'RltdPties', side, 'Nm'))

function description(entry: XmlNode, credit: boolean): string {
  const parts = children(child(entry, 'NtryDtls'), 'TxDtls').flatMap(details => [
    counterparty(details, credit ? 'Dbtr' : 'Cdtr'),
    ...children(child(details, 'RmtInf'), 'Ustrd').map(textOf),
  ])
  return joinDescription(parts) || joinDescription([textOf(child(entry, 'AddtlNtryInf'))])
}

export function parseCamt(text: string, options: { decimals: number, currency: string }): StatementResult {
  const parsed = parseXml(text, ['Stmt', 'Ntry', 'TxDtls', 'Ustrd'])
  if (!parsed.ok) return unreadable(parsed.message)
  const statements = children(child(parsed.document, 'Document', 'BkToCstmrStmt'), 'Stmt')
  if (!statements.length) return unreadable('Not a camt.053 statement: no Document/BkToCstmrStmt/Stmt')
  const lineOf = lineCounter(text)
  const lines: StatementLine[] = []
  let read = 0
  for (const statement of statements) {
    const account = textOf(child(statement, 'Acct', 'Id', 'IBAN')) ?? textOf(child(statement, 'Acct', 'Id', 'Othr', 'Id'))
    const currencies = [textOf(child(statement, 'Acct', 'Ccy')), ...children(statement, 'Ntry').map(entry => attribute(child(entry, 'Amt'), 'Ccy'))]
    const other = currencies.find(currency => currency !== undefined && currency !== options.currency)
    if (other) return unreadable(`The statement is in ${other}, the budget in ${options.currency}`)
    for (const entry of children(statement, 'Ntry')) {
      const line = lineOf(startOf(entry) ?? 0)
      if (++read > MAX_IMPORT_ROWS) return { ok: false, tooMany: true }
      const status = textOf(child(entry, 'Sts', 'Cd')) ?? textOf(child(entry, 'Sts'))
      if (status !== 'BOOK') continue
      const date = realDay(textOf(child(entry, 'BookgDt', 'Dt')) ?? textOf(child(entry, 'BookgDt', 'DtTm'))?.slice(0, 10) ?? '')
      if (!date) return badLine(line, 'BookgDt must hold a real day')
      const amount = bankAmount(textOf(child(entry, 'Amt')) ?? '', options.decimals)
      if (amount === undefined || amount < 0) return badLine(line, `Amt: ${AMOUNT_MESSAGE(options.decimals)}, and not negative`)
      const direction = textOf(child(entry, 'CdtDbtInd'))
      if (direction !== 'CRDT' && direction !== 'DBIT') return badLine(line, 'CdtDbtInd must be CRDT or DBIT')
      const importId = bankIdOf(account, textOf(child(entry, 'AcctSvcrRef')) ?? textOf(child(entry, 'NtryRef')))
      if (importId === undefined) return badLine(line, BANK_ID_MESSAGE)
      if (amount === 0) continue
      lines.push({
        line,
        date,
        description: description(entry, direction === 'CRDT'),
        amount: direction === 'CRDT' ? -amount : amount,
        importId,
      })
    }
  }
  return { ok: true, lines, read }
}
