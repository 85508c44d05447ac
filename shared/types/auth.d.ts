declare module '#auth-utils' {
  interface SecureSessionData {
    sessionId: string
  }
}

export {}
