// Layout shift on the phone screens, measured by Lighthouse's own mobile run
// (its Chromium, its phone emulation and trace), not by this test: the join
// page and the questions page must not move as they come alive (issue 16:
// the clock strip once shrank when its link went live, CLS 0.16–0.23).
import { expect, test } from "@playwright/test";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { joinedParticipant, meetingCode, newPerson, signInAsCommittee } from "./people";

const run = promisify(execFile);
const cli = join(__dirname, "..", "node_modules", "lighthouse", "cli", "index.js");

/** Lighthouse's cumulative layout shift for `url`, sent with `cookie`. */
async function layoutShift(url: string, cookie: string): Promise<number> {
  const { stdout } = await run(
    process.execPath,
    [
      cli,
      url,
      "--only-audits=cumulative-layout-shift",
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      "--max-wait-for-load=30000",
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking",
      `--extra-headers=${JSON.stringify(cookie ? { Cookie: cookie } : {})}`,
    ],
    { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" }, maxBuffer: 64 * 1024 * 1024, timeout: 90_000 },
  );
  const report = JSON.parse(stdout);
  const audit = report.audits["cumulative-layout-shift"];
  expect(audit.numericValue, `${url}: ${audit.errorMessage ?? ""}`).toBeDefined();
  return audit.numericValue;
}

test("the join page and the questions page do not shift as they come alive on a phone (Lighthouse mobile CLS ≤ 0.02)", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const committee = await newPerson(browser, true);
  await signInAsCommittee(committee);
  const code = await meetingCode(committee);
  const phone = await joinedParticipant(browser, code, true, "Lía Lighthouse", "Uruguay");
  const cookie = (await phone.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const shifts: Record<string, number> = {};
  // A newcomer opens the join link; a participant comes back to the questions.
  shifts["/join"] = await layoutShift(`${baseURL}/join?code=${code}`, "");
  shifts["/answer"] = await layoutShift(`${baseURL}/answer`, cookie);
  for (const [path, cls] of Object.entries(shifts)) expect(cls, `${path}: ${JSON.stringify(shifts)}`).toBeLessThanOrEqual(0.02);
});
