// Worker-thread entry for the search indexer (see index-worker.ts). Worker threads do not
// inherit tsx's loader, so this plain module registers it before loading the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./index-worker.ts");
