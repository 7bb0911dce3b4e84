/// Count, mean and central moments (sums of powered deviations) of DOUBLE inputs, updated one value at a
/// time exactly as Spark's CentralMomentAgg does, so results agree with Spark to the last digit. `order`
/// is the highest moment kept (2 for variance, 3 for skewness, 4 for kurtosis).
struct RunningMoments {
    let order: Int
    var count = 0.0
    var mean = 0.0
    var m2 = 0.0
    var m3 = 0.0
    var m4 = 0.0

    init(order: Int = 2) { self.order = order }

    mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        let deltaN = delta / count
        mean += deltaN
        m2 += delta * (delta - deltaN)
        guard order >= 3 else { return }
        let delta2 = delta * delta
        let deltaN2 = deltaN * deltaN
        m3 = m3 - 3.0 * deltaN * m2 + delta * (delta2 - deltaN2)
        guard order >= 4 else { return }
        m4 = m4 - 4.0 * deltaN * m3 - 6.0 * deltaN2 * m2 + delta * (delta * delta2 - deltaN * deltaN2)
    }
}

/// Count, means and co-moments of pairs, updated as Spark's Covariance aggregate does (`x` is its left input).
struct RunningCoMoments {
    var count = 0.0
    var xAvg = 0.0
    var yAvg = 0.0
    var ck = 0.0
    var xMk = 0.0
    var yMk = 0.0

    mutating func add(_ x: Double, _ y: Double) {
        count += 1
        let dx = x - xAvg
        let dy = y - yAvg
        xAvg += dx / count
        yAvg += dy / count
        ck += dx * (y - yAvg)
        xMk += dx * (x - xAvg)
        yMk += dy * (y - yAvg)
    }
}
