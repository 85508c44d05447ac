import { profileBody } from '#shared/schemas/auth'
import { updateProfile } from '../../domain/accounts'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const changes = await readValidatedBody(event, profileBody.parse)
  return { user: await updateProfile(await useDb(event), user.id, changes) }
})
