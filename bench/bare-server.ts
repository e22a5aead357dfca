/**
 * The reference point: a bare node:http server answering every request with a fixed XML body of
 * the size of a small Redshift response, after reading the request body. Prints its port.
 */
import { createServer } from "node:http";

const BODY =
  '<DescribeClustersResponse xmlns="http://redshift.amazonaws.com/doc/2012-12-01/"><DescribeClustersResult><Clusters/></DescribeClustersResult>' +
  "<ResponseMetadata><RequestId>00000000-0000-4000-8000-000000000000</RequestId></ResponseMetadata></DescribeClustersResponse>";

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "Content-Type": "text/xml", "Content-Length": Buffer.byteLength(BODY), "x-amzn-RequestId": "00000000-0000-4000-8000-000000000000" });
    res.end(BODY);
  });
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`${typeof address === "object" && address ? address.port : 0}\n`);
});
