import { serveProduct } from '../../../bench/support/product-process';
import { serveRemoteEnds } from '../../../bench/support/remote-ends';

/** The scale tests' child processes: a replica of the product (BENCH_ROLE=product) or a far end (afas, teams). */
if (process.env.BENCH_ROLE === 'product') serveProduct();
else if (process.env.BENCH_ROLE) serveRemoteEnds(process.env.BENCH_ROLE);
