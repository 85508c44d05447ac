import withNuxt from './.nuxt/eslint.config.mjs'

export default withNuxt(
  { ignores: ['server/generated/**', 'dist/**', '.output/**', '.data/**', '.wrangler/**', 'tests/artifacts/**'] },
  // Tests read arbitrary JSON answers and assert on their shape.
  { files: ['tests/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
)
