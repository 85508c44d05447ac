export default defineEventHandler(async event => ({ user: await requireUser(event) }))
