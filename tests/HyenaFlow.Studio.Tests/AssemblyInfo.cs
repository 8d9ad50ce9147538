// Each test starts a server and a Chromium; one at a time keeps a 2-core machine responsive and the timings honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
