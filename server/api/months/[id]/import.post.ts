import { IMPORT_TYPES, importQuery } from '#shared/schemas/imports'
import { importStatement } from '../../../domain/statements/import'

export default defineEventHandler(async (event) => {
  const caller = await requireCaller(event)
  const options = await getValidatedQuery(event, importQuery.parse)
  const file = await readFileBody(event, IMPORT_TYPES, 'OFX, QFX, QIF, camt.053 XML or CSV')
  const answer = await importStatement(await useDb(event), caller, getRouterParam(event, 'id')!, file, options)
  setResponseStatus(event, options.preview ? 200 : 201)
  return answer
})
