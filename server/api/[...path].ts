// Every /api path needs a session, including ones that do not exist.
export default defineEventHandler(async (event) => {
  await requireUser(event)
  throw createError({ statusCode: 404, message: 'No such API route.' })
})
