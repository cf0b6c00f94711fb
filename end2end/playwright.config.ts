import { defineConfig, devices } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Every run starts the release server on a fresh, empty data directory so the
// database is created and seeded exactly as on a new machine. Workers inherit
// the variable, so they all agree on it.
process.env.PLENARIA_E2E_DATA ??= mkdtempSync(join(tmpdir(), "plenaria-e2e-"));
const port = Number(process.env.PLENARIA_E2E_PORT ?? 3107);
const baseURL = `http://127.0.0.1:${port}`;
// The second meeting (seeds/workshop.toml) runs on a server of its own.
process.env.PLENARIA_E2E_DATA_2 ??= mkdtempSync(join(tmpdir(), "plenaria-e2e-workshop-"));
const secondURL = `http://127.0.0.1:${port + 1}`;
// The committee's token for this run (tests sign in with it; see tests/people.ts).
process.env.PLENARIA_E2E_COMMITTEE_TOKEN ??= "e2e-committee-token-0123456789abcdef";

// Debian's Chromium; these flags keep it from reaching for the (closed) network.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

/** The release server on `port`, a fresh data directory and a seed of ../seeds. */
function server(port: number, dataDir: string | undefined, seed: string) {
  return {
    command:
      `../target/release/server --addr 127.0.0.1:${port} --data-dir ${dataDir}` +
      ` --seed ../seeds/${seed} --site-root ../target/site --log warn` +
      ` --committee-token ${process.env.PLENARIA_E2E_COMMITTEE_TOKEN}`,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
  };
}

export default defineConfig({
  testDir: "./tests",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  timeout: 20_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    locale: "es-ES",
    launchOptions: chromium,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "hydrated",
      dependencies: ["languages"],
      use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions: chromium },
      testIgnore: [/\.second-meeting\.spec\.ts/, /screenshots\.spec\.ts/, /\.meeting-wide\.spec\.ts/, /\.projector\.spec\.ts/, /\.weight\.spec\.ts/, /\.baseline\.spec\.ts/, /\.lighthouse\.spec\.ts/, /\.languages\.spec\.ts/],
    },
    {
      name: "no-js",
      dependencies: ["languages"],
      use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions: chromium, javaScriptEnabled: false },
      testIgnore: [/\.second-meeting\.spec\.ts/, /\.hydrate\.spec\.ts/, /screenshots\.spec\.ts/, /\.meeting-wide\.spec\.ts/, /\.projector\.spec\.ts/, /\.weight\.spec\.ts/, /\.baseline\.spec\.ts/, /\.lighthouse\.spec\.ts/, /\.languages\.spec\.ts/],
    },
    {
      // Tests that move the meeting clock change what every group may edit:
      // they run after the others, alone.
      name: "meeting-wide",
      use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions: chromium },
      testMatch: /\.meeting-wide\.spec\.ts/,
      metadata: { seed: "meeting.toml" },
      dependencies: ["hydrated", "no-js", "weight"],
    },
    {
      // Every screen in every language, with axe-core: heavy on the CPU, so
      // first and alone (not beside tests that time live updates), on a
      // meeting nobody has typed into yet (typed text stays as typed, in
      // whatever language it was written: it is not the seed's to translate).
      name: "languages",
      use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions: chromium },
      testMatch: /\.languages\.spec\.ts/,
    },
    {
      // What a participant's phone downloads (writes target/page-weight.json).
      name: "weight",
      dependencies: ["languages"],
      use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions: chromium },
      testMatch: /\.weight\.spec\.ts/,
    },
    {
      // Run by end2end/weight/measure.sh against the minimal page's server.
      name: "weight-baseline",
      use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions: chromium, baseURL: process.env.MINIMAL_URL },
      testMatch: /\.baseline\.spec\.ts/,
    },
    {
      // The committee's remote changes what every projector shows: last.
      name: "projector",
      use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions: chromium },
      testMatch: /\.projector\.spec\.ts/,
      dependencies: ["meeting-wide"],
    },
    {
      // Lighthouse's own Chromium measures layout shift on the phone screens;
      // it loads the machine, so it runs last, alone.
      name: "lighthouse",
      use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions: chromium },
      testMatch: /\.lighthouse\.spec\.ts/,
      dependencies: ["projector"],
    },
    {
      // The second meeting, on its own server: beside the first meeting's tests.
      name: "second-meeting",
      dependencies: ["languages"],
      use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions: chromium, baseURL: secondURL },
      testMatch: /\.second-meeting\.spec\.ts/,
    },
    {
      // The meeting-wide tests that read the seed they run, on the second meeting's server.
      name: "second-meeting-wide",
      dependencies: ["second-meeting"],
      use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions: chromium, baseURL: secondURL },
      testMatch: /\.meeting-wide\.spec\.ts/,
      grep: /the projector follows the committee's clock/,
      metadata: { seed: "workshop.toml" },
    },
    {
      // Run on demand: npx playwright test --project=screenshots
      name: "screenshots",
      use: { launchOptions: chromium },
      testMatch: /(?<!session4\.)screenshots\.spec\.ts/,
    },
    {
      // Moves the meeting to session 4: after the other screenshots.
      name: "screenshots-session4",
      use: { launchOptions: chromium },
      testMatch: /session4\.screenshots\.spec\.ts/,
      dependencies: ["screenshots"],
    },
  ],
  webServer: [server(port, process.env.PLENARIA_E2E_DATA, "meeting.toml"), server(port + 1, process.env.PLENARIA_E2E_DATA_2, "workshop.toml")],
});
