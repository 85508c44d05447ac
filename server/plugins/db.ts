// Ends the request's database connection after the response, on success and on
// error alike (Nitro skips afterResponse when a handler throws).
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', (event) => {
    if (event.context.dbQueries !== undefined) {
      const { compilers, plans, schemaDecodes } = queryPlanStats()
      appendResponseHeader(event, 'server-timing', `db;desc="${event.context.dbQueries} queries"`)
      appendResponseHeader(event, 'server-timing', `plans;desc="${plans} cached, ${compilers} compilers, ${schemaDecodes} schema decodes"`)
    }
    if (event.context.dbReadFrom) appendResponseHeader(event, 'server-timing', `db-read;desc="${event.context.dbReadFrom}"`)
  })
  nitroApp.hooks.hook('afterResponse', event => releaseDb(event))
  nitroApp.hooks.hook('error', (_error, { event }) => {
    if (event) releaseDb(event)
  })
})
