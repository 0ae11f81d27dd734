/** Fidelity over the Excel-made corpus, shard 2 of 2 (see corpus-suite.ts). */
import { describeCorpusShard } from "./corpus-suite";

describeCorpusShard(1, 2);
