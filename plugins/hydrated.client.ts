// Marks the document once the app is interactive, for the browser tests (a
// click before hydration would be lost) and for anyone scripting the page.
export default defineNuxtPlugin((nuxtApp) => {
  nuxtApp.hook('app:suspense:resolve', () => {
    document.documentElement.dataset.hydrated = 'true'
  })
})
