// Training activities draw dropout from LibTorch's process-wide generator and set its thread count, so
// test classes that train must not run side by side: their results are compared bit for bit.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
