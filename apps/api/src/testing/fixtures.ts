/** The password every demo account has in the test template. */
export const TEST_PASSWORD = 'refugio-test-password';
