// npm test — builds the app for Workers and for Node, then runs every tier.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { root } from './servers.ts'

const run = (command: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  execFileSync(resolve(root, 'node_modules/.bin', command), args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })

run('nuxt', ['build'])
run('nuxt', ['build'], { NITRO_PRESET: 'node-server' })

// The verdict comes from the JSON report as well as the exit code: a tier whose
// teardown stops database servers was seen to end vitest with 0 after a failure.
const report = resolve(root, 'tests/artifacts/vitest-report.json')
rmSync(report, { force: true })
let exitCode = 0
try {
  run('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)])
}
catch {
  exitCode = 1
}
interface Report { numPassedTests: number, numFailedTests: number, numFailedTestSuites: number, numPendingTests: number, numTodoTests: number, numTotalTests: number }
const results = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) as Report : undefined
if (!results) {
  console.error('No test report was written.')
  exitCode = 1
}
else if (results.numFailedTests > 0 || results.numFailedTestSuites > 0 || results.numTotalTests === 0) {
  console.error(`${results.numFailedTests} failed test(s), ${results.numFailedTestSuites} failed suite(s) (files and describe blocks) of ${results.numTotalTests} tests.`)
  exitCode = 1
}
// A skipped or todo test is a test that did not run: the whole suite is not
// green (a run narrowed by arguments such as -t skips tests on purpose).
else if ((results.numPendingTests > 0 || results.numTodoTests > 0) && process.argv.length <= 2) {
  console.error(`${results.numPendingTests} skipped and ${results.numTodoTests} todo test(s): every test must run.`)
  exitCode = 1
}
if (results) console.log(`tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed`)
process.exit(exitCode)
