#!/usr/bin/env node
// The browser tests run in Debian's Chromium. Installs it when missing and we are root; otherwise says how.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const CHROMIUM = "/usr/bin/chromium";
if (!fs.existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    console.error(`The browser tests need Chromium at ${CHROMIUM}: install the Debian package "chromium" (sudo apt-get install -y chromium).`);
    process.exit(1);
  }
  console.log("Installing Debian's chromium package for the browser tests…");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}
