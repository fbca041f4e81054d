/* A worker for pool.test.ts: plain JavaScript, so it starts fast without ts-node. */
"use strict";
module.exports = async function task(name) {
  if (name === "oom") {
    const hoard = [];
    for (;;) hoard.push(new Array(1_000_000).fill(name));
  }
  if (name === "slow") await new Promise((resolve) => setTimeout(resolve, 120_000));
  if (name === "2s") await new Promise((resolve) => setTimeout(resolve, 2_000));
  if (name === "throws") throw new Error("kapot");
  return name.toUpperCase();
};
