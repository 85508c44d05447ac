import withNuxt from './.nuxt/eslint.config.mjs'

export default withNuxt({
  ignores: ['server/generated/**', 'dist/**', '.output/**', '.data/**', '.wrangler/**', 'tests/artifacts/**'],
})
