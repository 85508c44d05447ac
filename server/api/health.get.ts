export default defineEventHandler(async (event) => {
  try {
    const db = await useDb(event)
    await db.$queryRaw`SELECT 1`
    return { status: 'ok', db: 'ok' }
  }
  catch {
    setResponseStatus(event, 503)
    return { statusCode: 503, message: 'The database cannot be reached.', status: 'error', db: 'unreachable' }
  }
})
