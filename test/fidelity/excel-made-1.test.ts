/** Fidelity over the Excel-made corpus, shard 1 of 2 (see corpus-suite.ts). */
import { describeCorpusShard } from "./corpus-suite";

describeCorpusShard(0, 2);
