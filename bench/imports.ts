// Statement import of a 5,000-line OFX file in workerd: preview and import,
// wall time and CPU per request (utime+stime of workerd's processes, from
// /proc), and the queries each took (Server-Timing).
import type { RunningServer } from '../scripts/servers.ts'
import { groupCpuMs, quantile } from './load.ts'

const LINES = 5000
const cents = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`

// An OFX 1.x bank statement of `lines` lines dated in `month`, their FITIDs starting with `prefix`.
export function ofxStatement(month: { year: number, month: number }, prefix: string, lines = LINES): string {
  const day = (i: number) => `${month.year}${String(month.month).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`
  const records = Array.from({ length: lines }, (_, i) => [
    '<STMTTRN>',
    `<TRNTYPE>${i % 10 ? 'DEBIT' : 'CREDIT'}`,
    `<DTPOSTED>${day(i)}120000[-5:EST]`,
    `<TRNAMT>${i % 10 ? '-' : ''}${cents(1 + (i * 37) % 50000)}`,
    `<FITID>${prefix}${String(i).padStart(6, '0')}`,
    `<NAME>${['CORNER GROCERY', 'CITY POWER & LIGHT', 'CAFE LUMIERE', 'ACME PAYROLL', 'BOOKS AND MORE'][i % 5]} #${i % 97}`,
    `<MEMO>Card 1234 ref ${i}`,
    '</STMTTRN>',
  ].join('\r\n'))
  return ['OFXHEADER:100', 'DATA:OFXSGML', 'VERSION:102', 'CHARSET:1252', '',
    '<OFX><BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STMTRS><CURDEF>USD',
    '<BANKACCTFROM><BANKID>121000358<ACCTID>0012345678<ACCTTYPE>CHECKING</BANKACCTFROM>',
    '<BANKTRANLIST>', ...records, '</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>', ''].join('\r\n')
}

export interface ImportCost { bytes: number, lines: number, wall: number, cpu: number, queries: string, imported: number }

// `runs` requests, one after another, each answered 200/201: medians of wall time, CPU per request.
export async function importCost(server: RunningServer, runs: number, send: (run: number) => Promise<Response>, bytes: number): Promise<ImportCost> {
  const walls: number[] = []
  let queries = '?'
  let imported = 0
  const before = groupCpuMs(server)
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    const response = await send(run)
    const body = await response.json() as { imported?: number, statusCode?: number, message?: string }
    walls.push(performance.now() - start)
    if (response.status !== 200 && response.status !== 201) throw new Error(`import answered ${response.status}: ${body.message}`)
    queries = /db;desc="(\d+) queries"/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? '?'
    imported = body.imported ?? 0
  }
  const after = groupCpuMs(server)
  return { bytes, lines: LINES, wall: quantile(walls, 0.5), cpu: (after.workerd - before.workerd) / runs, queries, imported }
}
